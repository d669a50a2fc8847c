// A named report gathered from the store for one reader, ready for a writer: the figures, the
// drill-down rows the reader may see (the call that records the export in the audit trail), and
// the names and words around them. The HTTP export and `caseboard report` both use it.
#pragma once

#include "core/actor.hpp"
#include "core/report.hpp"
#include "report/report_document.hpp"
#include "report/report_export.hpp"
#include "store/store.hpp"

namespace caseboard::report {

// Errors are the store's: PermissionDenied for a role without reports, InvalidArgument or NotFound
// naming "program", "team" or "case_manager" for a scope outside the reader's reach.
[[nodiscard]] Result<ReportDocument> assemble_report(store::Store& store, const Actor& reader,
                                                     const ReportDefinition& definition,
                                                     const store::ReportScope& scope, const ReportPeriod& period,
                                                     ReportFormat format, Timestamp now);

}  // namespace caseboard::report
