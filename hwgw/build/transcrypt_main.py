"""Run Transcrypt as `python -m transcrypt` would, except that it never starts Java, reads its own line-number
comments right, and renames identifiers faster.

On an incremental run Transcrypt rereads each up-to-date module to learn its imports and exports, and a module that
does not begin with a comment (its own JavaScript-only `copy` module, for one) looks minified to it, so it runs the
Closure Compiler (a Java program, 1.5 s a time) to pretty-print it first. That JavaScript is not minified: a copy
serves.
"""

import os
import re
import shutil
import sys

import transcrypt.__main__ as transcrypt_main  # sets up Transcrypt's own module path; main() is not run on import

minify = sys.modules["org.transcrypt.minify"]
utils = sys.modules["org.transcrypt.utils"]
compiler = sys.modules["org.transcrypt.compiler"]


def _copy_instead(target_dir, source_name, target_name, mapFileName=None, prettify=False):
    shutil.copyfile(os.path.join(target_dir, source_name), os.path.join(target_dir, target_name))


minify.run = _copy_instead

# It reads an up-to-date module's exports with comments stripped, and takes the line-number comment `-a` puts at the
# start of each line (`/* 000012 */ export var x`) for the start of a comment block: drop those comments first.
_digest = utils.digestJavascript
utils.digestJavascript = lambda code, *args, **kwargs: _digest(re.sub(r"^/\* \d{6} \*/ ", "", code, flags=re.M),
                                                              *args, **kwargs)
# It renames every identifier it emits through some 80 regular expressions (two-thirds of its time): remember the
# result for each name and set of renames.
_filter_id = compiler.Generator.filterId
_filtered: dict = {}


def _remembered_filter_id(self, qualified_id):
    key = (qualified_id, self.idFiltering, tuple(self.aliases))
    if key not in _filtered:
        _filtered[key] = _filter_id(self, qualified_id)
    return _filtered[key]


compiler.Generator.filterId = _remembered_filter_id
sys.exit(transcrypt_main.main())
