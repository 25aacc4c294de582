"""The doctor's report: a one- or two-page A4 PDF of an assessment (WeasyPrint).

WeasyPrint is imported only when a report is rendered (:func:`render_pdf`).
"""

from nightlegs.report.pdf import RefusedURL, ReportUnavailable, render_pdf
from nightlegs.report.sections import NamedMedicine

__all__ = ["NamedMedicine", "RefusedURL", "ReportUnavailable", "render_pdf"]
