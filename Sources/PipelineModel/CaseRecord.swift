/// One usable row of an export after Cleaning and Classification: everything the figures
/// need, in a few bytes, and nothing else (no text).
package struct CaseRecord: Sendable, Equatable {
    /// The reference's eight digits as a number (`19 012 345` -> 19012345).
    package var reference: UInt32
    /// `last_updated` in seconds since 1970 (UTC); decides which row of a case wins.
    package var lastUpdated: Int64
    /// Index of the authority in the register.
    package var authority: Int32
    /// When the complaint was received.
    package var received: Day
    /// The service area; set by Classification.
    package var area: ServiceArea
    /// When the decision was made, nil while open.
    package var decisionDate: Day?
    /// The decision's outcome, nil while open; set by Classification.
    package var outcome: Outcome?
    /// The authority had already offered a satisfactory remedy (meaningful on upheld only).
    package var satisfactoryRemedy: Bool
    /// The Ombudsman issued a public report.
    package var publicReport: Bool
    /// The compliance outcome, nil when no recommendation was made.
    package var compliance: ComplianceOutcome?
    /// When the compliance outcome was recorded.
    package var complianceDate: Day?
    /// Upheld with a service-improvement remedy; set by Classification.
    package var serviceImprovement: Bool

    /// A case record; see the properties for the meaning of each value.
    package init(reference: UInt32, lastUpdated: Int64, authority: Int32,
                received: Day, area: ServiceArea = .other, decisionDate: Day? = nil,
                outcome: Outcome? = nil, satisfactoryRemedy: Bool = false, publicReport: Bool = false,
                compliance: ComplianceOutcome? = nil, complianceDate: Day? = nil, serviceImprovement: Bool = false) {
        self.reference = reference
        self.lastUpdated = lastUpdated
        self.authority = authority
        self.received = received
        self.area = area
        self.decisionDate = decisionDate
        self.outcome = outcome
        self.satisfactoryRemedy = satisfactoryRemedy
        self.publicReport = publicReport
        self.compliance = compliance
        self.complianceDate = complianceDate
        self.serviceImprovement = serviceImprovement
    }
}

/// A cleaned row waiting for Classification: the case plus the texts it still has to judge
/// (interned: the same few hundred texts repeat millions of times) and a later fault, if any.
package struct CleanRow: Sendable {
    /// The case, with `area` and `outcome` still to be set.
    package var record: CaseRecord
    /// Index of the category text in the batch's ``CleanBatch/texts``.
    package var categoryText: Int32
    /// Index of the decision text in ``CleanBatch/texts``, -1 when blank.
    package var decisionText: Int32
    /// Index of the remedy text (the whole field) in ``CleanBatch/texts``, -1 when blank.
    package var remedyText: Int32
    /// Index of the subcategory text in ``CleanBatch/texts`` when the row has a remedy (it may be
    /// a service improvement, which prints it), else -1.
    package var subcategoryText: Int32
    /// The first fault found that ranks after an unclassified decision, if any.
    package var laterFault: RowFault?
    /// Where the row came from, for its reject if Classification rejects it.
    package var line: Int
    /// The reference as written, for rejects.
    package var referenceText: String
    /// Whether a field was re-encoded from Windows-1252.
    package var reencoded: Bool
    /// The row's free texts when it has a public report (`public_reports.csv`), else nil.
    package var publicReportText: PublicReportText?

    /// A cleaned row; see the properties.
    package init(record: CaseRecord, categoryText: Int32, decisionText: Int32, laterFault: RowFault?,
                line: Int, referenceText: String, reencoded: Bool, publicReportText: PublicReportText? = nil,
                remedyText: Int32 = -1, subcategoryText: Int32 = -1) {
        self.record = record
        self.categoryText = categoryText
        self.decisionText = decisionText
        self.remedyText = remedyText
        self.subcategoryText = subcategoryText
        self.laterFault = laterFault
        self.line = line
        self.referenceText = referenceText
        self.reencoded = reencoded
        self.publicReportText = publicReportText
    }
}

/// A batch between Cleaning and Classification.
package struct CleanBatch: Sendable {
    /// The input file's index in the run.
    package let fileIndex: Int
    /// The input file's path, for rejects.
    package let file: String
    /// The rows that passed Cleaning's checks so far.
    package var rows: [CleanRow]
    /// Distinct texts of this batch's category, decision, remedy and (on rows with a remedy)
    /// subcategory fields (decoded strings).
    package var texts: [String]
    /// Rows rejected by Cleaning.
    package var rejects: [Reject]
    /// Rows read in this batch (accepted so far plus rejected).
    package var rowsRead: Int

    /// A batch; see the properties.
    package init(fileIndex: Int, file: String, rows: [CleanRow] = [], texts: [String] = [], rejects: [Reject] = [],
                rowsRead: Int = 0) {
        self.fileIndex = fileIndex
        self.file = file
        self.rows = rows
        self.texts = texts
        self.rejects = rejects
        self.rowsRead = rowsRead
    }
}

/// A batch between Classification and Aggregation: usable cases and this batch's rejects.
package struct CaseBatch: Sendable {
    /// Fully classified cases.
    package var cases: [CaseRecord]
    /// Rows rejected by Cleaning or Classification.
    package var rejects: [Reject]
    /// Rows read in this batch.
    package var rowsRead: Int
    /// Rows in which a field was re-encoded from Windows-1252 (accepted rows only).
    package var rowsReencoded: Int
    /// The free texts of the cases with a public report, by index in ``cases``.
    package var publicReportTexts: [Int: PublicReportText]
    /// Rows with a decision whose category no service-area rule knows (rejected rows, counted
    /// for the quality report).
    package var decisionsWithoutKnownArea: Int
    /// The free texts of the service improvements, by index in ``cases``.
    package var serviceImprovementTexts: [Int: ServiceImprovementText] = [:]
    /// Each remedy text (one `;`-separated part, trimmed) no rule knows, with the number of
    /// accepted rows that have it (for the quality report).
    package var unknownRemedies: [String: Int] = [:]

    /// A batch; see the properties.
    package init(cases: [CaseRecord] = [], rejects: [Reject] = [], rowsRead: Int = 0, rowsReencoded: Int = 0,
                publicReportTexts: [Int: PublicReportText] = [:], decisionsWithoutKnownArea: Int = 0) {
        self.cases = cases
        self.rejects = rejects
        self.rowsRead = rowsRead
        self.rowsReencoded = rowsReencoded
        self.publicReportTexts = publicReportTexts
        self.decisionsWithoutKnownArea = decisionsWithoutKnownArea
    }
}
