"""The errors of the audit trail, each defined once: raised from here, shown as the OpenAPI
examples of its operations (`examples.py`)."""

from clinichub.errors import Catalogued, ErrorCode, NotFound

AUDIT_HEAD_MISSING = Catalogued(NotFound, ErrorCode.audit_head_missing, "Nothing is sealed yet")
# The access log of an id no patient ever had (archived patients keep theirs).
NO_PATIENT_ON_RECORD = Catalogued(NotFound, ErrorCode.not_found, "Patient not found")
