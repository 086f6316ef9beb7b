"""EU micro-credential tools: check a ``CourseRecord`` against the 11 mandatory elements of Council
Recommendation 2022/C 243/02 and export it as Europass ELM v3 JSON-LD or Open Badges 3.0 JSON."""
from .check import (ELEMENTS, OPTIONAL_ELEMENTS, CredentialCheck, ElementStatus, OptionalElement,
                    check_micro_credential, load_record)
from .export import to_elm, to_ob3

__all__ = ["ELEMENTS", "OPTIONAL_ELEMENTS", "CredentialCheck", "ElementStatus", "OptionalElement",
           "check_micro_credential", "load_record", "to_elm", "to_ob3"]
