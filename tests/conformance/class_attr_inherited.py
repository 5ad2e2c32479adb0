"""A class attribute changed on the base after a subclass exists: Python looks it up through the base."""


class Base:
    limit = 1
    count = 0

    def __init__(self):
        Base.count += 1


class Child(Base):
    pass


Base.limit = 5
Child()
Child()
print(Child.limit, Child().limit, Base.count, Child.count)
