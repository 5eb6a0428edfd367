"""Build-time mapping of the top-level ``schemas/`` folder into the package.

The schemas live in ``schemas/`` at the top of the repository (with their README and
licences); an installed tei-tools finds them as the package ``tei_tools.schemas``.
Everything else is configured in ``pyproject.toml``.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["tei_tools", "tei_tools.*"]), "tei_tools.schemas"],
    package_dir={"tei_tools.schemas": "schemas"},
)
