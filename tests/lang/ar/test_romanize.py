"""The model romanizer runs on one thread per process."""

from __future__ import annotations

import pytest

from hadath.lang.ar.romanize import ModelRomanizer


@pytest.mark.skipif(not ModelRomanizer.available(), reason="the romanize extra is not installed")
def test_the_model_runs_on_one_thread() -> None:
    romanizer = ModelRomanizer()
    assert romanizer.romanize("سالم نمر الزيودي") is not None
    engine = romanizer._engine
    for session in (engine.model.backend.encoder, engine.model.backend.decoder):
        assert session.get_session_options().intra_op_num_threads == 1
