"""The package's Python API: submodules are importable by their names, and the functions the
README calls are attributes of ``kg`` that do not hide those modules."""
import importlib
import subprocess
import sys
import types

import pytest

MODULES = ("build", "export", "push", "validate", "evaluate")


@pytest.mark.parametrize("name", MODULES)
def test_submodule_is_the_module_not_a_function(name):
    # a fresh interpreter: `import kg.X as M` binds M to kg's attribute X, which must be the module
    code = (f"import kg.{name} as M, types, sys; assert isinstance(M, types.ModuleType), M; "
            f"assert M is sys.modules['kg.{name}']; import kg; assert kg.{name} is M")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]


def test_module_attributes_the_docs_use():
    import kg
    import kg.export as E

    assert "gexf" in E.FORMATS and callable(E.actor_network) and callable(E.load_dataset)
    assert isinstance(kg.build, types.ModuleType) and callable(kg.build.extract_chunk)
    assert kg.push.push is importlib.import_module("kg.push").push


def test_package_level_functions_have_their_own_names():
    import kg

    assert kg.build_graph is kg.build.build
    assert kg.export_graph is kg.export.export
    assert kg.push_graph is kg.push.push
    assert kg.validate_graph is kg.validate.validate
    assert kg.evaluate_gold is kg.evaluate.evaluate
    for name in kg.__all__:
        assert hasattr(kg, name), name
