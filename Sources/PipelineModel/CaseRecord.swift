/// One usable row of an export after Cleaning and Classification: everything the figures
/// need, in a few bytes, and nothing else (no text).
public struct CaseRecord: Sendable, Equatable {
    /// The reference's eight digits as a number (`19 012 345` -> 19012345).
    public var reference: UInt32
    /// `last_updated` in seconds since 1970 (UTC); decides which row of a case wins.
    public var lastUpdated: Int64
    /// Index of the authority in the register.
    public var authority: Int32
    /// When the complaint was received.
    public var received: Day
    /// The service area; set by Classification.
    public var area: ServiceArea
    /// When the decision was made, nil while open.
    public var decisionDate: Day?
    /// The decision's outcome, nil while open; set by Classification.
    public var outcome: Outcome?
    /// The authority had already offered a satisfactory remedy (meaningful on upheld only).
    public var satisfactoryRemedy: Bool
    /// The Ombudsman issued a public report.
    public var publicReport: Bool
    /// The compliance outcome, nil when no recommendation was made.
    public var compliance: ComplianceOutcome?
    /// When the compliance outcome was recorded.
    public var complianceDate: Day?

    /// A case record; see the properties for the meaning of each value.
    public init(reference: UInt32, lastUpdated: Int64, authority: Int32,
                received: Day, area: ServiceArea = .other, decisionDate: Day? = nil,
                outcome: Outcome? = nil, satisfactoryRemedy: Bool = false, publicReport: Bool = false,
                compliance: ComplianceOutcome? = nil, complianceDate: Day? = nil) {
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
    }
}

/// A cleaned row waiting for Classification: the case plus the texts it still has to judge
/// (interned: the same few hundred texts repeat millions of times) and a later fault, if any.
public struct CleanRow: Sendable {
    /// The case, with `area` and `outcome` still to be set.
    public var record: CaseRecord
    /// Index of the category text in the batch's ``CleanBatch/texts``.
    public var categoryText: Int32
    /// Index of the decision text in ``CleanBatch/texts``, -1 when blank.
    public var decisionText: Int32
    /// The first fault found that ranks after an unclassified decision, if any.
    public var laterFault: RowFault?
    /// Where the row came from, for its reject if Classification rejects it.
    public var line: Int
    /// The reference as written, for rejects.
    public var referenceText: String
    /// Whether a field was re-encoded from Windows-1252.
    public var reencoded: Bool
    /// The row's free texts when it has a public report (`public_reports.csv`), else nil.
    public var publicReportText: PublicReportText?

    /// A cleaned row; see the properties.
    public init(record: CaseRecord, categoryText: Int32, decisionText: Int32, laterFault: RowFault?,
                line: Int, referenceText: String, reencoded: Bool, publicReportText: PublicReportText? = nil) {
        self.record = record
        self.categoryText = categoryText
        self.decisionText = decisionText
        self.laterFault = laterFault
        self.line = line
        self.referenceText = referenceText
        self.reencoded = reencoded
        self.publicReportText = publicReportText
    }
}

/// A batch between Cleaning and Classification.
public struct CleanBatch: Sendable {
    /// The input file's index in the run.
    public let fileIndex: Int
    /// The input file's path, for rejects.
    public let file: String
    /// The rows that passed Cleaning's checks so far.
    public var rows: [CleanRow]
    /// Distinct texts of this batch's category and decision fields (decoded strings).
    public var texts: [String]
    /// Rows rejected by Cleaning.
    public var rejects: [Reject]
    /// Rows read in this batch (accepted so far plus rejected).
    public var rowsRead: Int

    /// A batch; see the properties.
    public init(fileIndex: Int, file: String, rows: [CleanRow] = [], texts: [String] = [], rejects: [Reject] = [],
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
public struct CaseBatch: Sendable {
    /// Fully classified cases.
    public var cases: [CaseRecord]
    /// Rows rejected by Cleaning or Classification.
    public var rejects: [Reject]
    /// Rows read in this batch.
    public var rowsRead: Int
    /// Rows in which a field was re-encoded from Windows-1252 (accepted rows only).
    public var rowsReencoded: Int
    /// The free texts of the cases with a public report, by index in ``cases``.
    public var publicReportTexts: [Int: PublicReportText]
    /// Rows with a decision whose category no service-area rule knows (rejected rows, counted
    /// for the quality report).
    public var decisionsWithoutKnownArea: Int

    /// A batch; see the properties.
    public init(cases: [CaseRecord] = [], rejects: [Reject] = [], rowsRead: Int = 0, rowsReencoded: Int = 0,
                publicReportTexts: [Int: PublicReportText] = [:], decisionsWithoutKnownArea: Int = 0) {
        self.cases = cases
        self.rejects = rejects
        self.rowsRead = rowsRead
        self.rowsReencoded = rowsReencoded
        self.publicReportTexts = publicReportTexts
        self.decisionsWithoutKnownArea = decisionsWithoutKnownArea
    }
}
