"""Run Transcrypt as `python -m transcrypt` would, except that it never starts Java.

On an incremental run Transcrypt rereads each up-to-date module to learn its imports and exports, and a module that
does not begin with a comment (its own JavaScript-only `copy` module, for one) looks minified to it, so it runs the
Closure Compiler (a Java program, 1.5 s a time) to pretty-print it first. That JavaScript is not minified: a copy
serves.
"""

import os
import shutil
import sys

import transcrypt.__main__ as transcrypt_main  # sets up Transcrypt's own module path; main() is not run on import

minify = sys.modules["org.transcrypt.minify"]


def _copy_instead(target_dir, source_name, target_name, mapFileName=None, prettify=False):
    shutil.copyfile(os.path.join(target_dir, source_name), os.path.join(target_dir, target_name))


minify.run = _copy_instead
sys.exit(transcrypt_main.main())
