package import PipelineModel

/// Turns raw records into clean rows: references, dates, flags, authorities and encodings,
/// with the spec's reject reasons for rows that cannot be used.
///
/// One value lives in the Cleaning task and keeps its caches across batches: each distinct
/// authority name and code is resolved once per run (authorities.md, rule 4).
package struct Cleaner: Sendable {
    private let matcher: AuthorityMatcher
    private let inputPaths: [String]
    /// Each authority code as written, and each name as written on rows without a code, resolved.
    private var resolutions = ByteStringTable<AuthorityMatcher.Resolution>(capacity: 1024)

    /// A cleaner matching against `register`; `inputPaths[i]` names input `i` in rejects.
    package init(register: AuthorityRegister, inputPaths: [String]) {
        matcher = AuthorityMatcher(register: register)
        self.inputPaths = inputPaths
    }

    /// The number of distinct codes, and names without a code, resolved so far: each is
    /// resolved once per run, however often it repeats (authorities.md, rule 4).
    package var distinctAuthorityKeysResolved: Int { resolutions.count }

    /// Cleans one batch. Rejected rows go to the result's `rejects`; the others become rows
    /// for Classification, which judges their texts and ranks their later faults.
    package mutating func clean(_ batch: RawRecordBatch) -> CleanBatch {
        let file = batch.fileIndex < inputPaths.count ? inputPaths[batch.fileIndex] : "input \(batch.fileIndex)"
        var out = CleanBatch(fileIndex: batch.fileIndex, file: file, rowsRead: batch.count)
        out.rows.reserveCapacity(batch.count)
        // Each distinct category, decision, remedy and subcategory text of the batch is decoded once.
        var textIndex = ByteStringTable<Int32>()

        func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
            let key = UnsafeRawBufferPointer(bytes)
            if let i = textIndex.value(key) { return i }
            let i = Int32(out.texts.count)
            out.texts.append(FieldText.decode(bytes).text)
            textIndex.insert(i, for: key)
            return i
        }

        // Taken once per batch: read as `self.matcher` inside the closure below (which also
        // mutates `self`), the whole matcher was copied and destroyed on every row.
        let matcher = matcher
        // Fields are read through one pointer to the batch's bytes: an `ArraySlice` per field
        // retained and released the batch's storage a dozen times a row (3% of a run's CPU).
        batch.bytes.withUnsafeBufferPointer { bytes in
            for r in 0 ..< batch.count {
                let line = batch.lines[r]
                let field = { (column: ExportColumn) in
                    FieldText.trimmed(UnsafeBufferPointer(rebasing: bytes[batch.range(r, column)]))
                }
                // A record's fields lie back to back in the batch: one look at all their bytes
                // settles each field's encoding when they are ASCII (most rows; the reference, kept
                // as text on every row for rejects, then needs no check of its own), and nearly
                // settles it when they are UTF-8 (see below).
                let recordRange = batch.recordRange(r)
                let recordBytes = UnsafeBufferPointer(rebasing: bytes[recordRange])
                let encoding = FieldText.encoding(recordBytes)
                let ascii = encoding == .ascii
                let referenceBytes = field(.reference)
                let referenceText = ascii ? String(decoding: referenceBytes, as: UTF8.self)
                    : FieldText.decode(referenceBytes).text
                func reject(_ reason: RejectReason, _ detail: String) {
                    out.rejects.append(Reject(file: file, line: line, reference: referenceText,
                                              reason: reason, detail: detail))
                }

                switch batch.faults[r] {
                case .fieldCount(let found, let expected)?:
                    reject(.fieldCount, "\(found) fields, expected \(expected)")
                    continue
                case .unterminatedQuote?:
                    reject(.unterminatedQuote, "quoted field not closed before the end of the file")
                    continue
                case .malformedQuote(let detail)?:
                    reject(.unterminatedQuote, detail)
                    continue
                case nil:
                    break
                }

                // missing_required, in the spec's order of fields.
                let name = field(.authorityName)
                let code = field(.authorityCode)
                let category = field(.category)
                let receivedBytes = field(.receivedDate)
                let lastUpdatedBytes = field(.lastUpdated)
                if referenceBytes.isEmpty { reject(.missingRequired, "reference is blank"); continue }
                if name.isEmpty && code.isEmpty { reject(.missingRequired, "authority_name is blank"); continue }
                if category.isEmpty { reject(.missingRequired, "category is blank"); continue }
                if receivedBytes.isEmpty { reject(.missingRequired, "received_date is blank"); continue }
                if lastUpdatedBytes.isEmpty { reject(.missingRequired, "last_updated is blank"); continue }

                // bad_date
                let decisionDateBytes = field(.decisionDate)
                let complianceDateBytes = field(.complianceDate)
                func badDate(_ column: ExportColumn, _ value: UnsafeBufferPointer<UInt8>) {
                    reject(.badDate, "\(column.name) \(FieldText.decode(value).text) is not a real date")
                }
                guard let received = DateParser.day(receivedBytes) else {
                    badDate(.receivedDate, receivedBytes); continue
                }
                var decisionDate: Day?
                if !decisionDateBytes.isEmpty {
                    guard let d = DateParser.day(decisionDateBytes) else { badDate(.decisionDate, decisionDateBytes); continue }
                    decisionDate = d
                }
                var complianceDate: Day?
                if !complianceDateBytes.isEmpty {
                    guard let d = DateParser.day(complianceDateBytes) else { badDate(.complianceDate, complianceDateBytes); continue }
                    complianceDate = d
                }
                guard let lastUpdated = DateParser.parse(lastUpdatedBytes) else {
                    badDate(.lastUpdated, lastUpdatedBytes); continue
                }

                if let decisionDate, decisionDate < received {
                    let days = received.daysSinceEpoch - decisionDate.daysSinceEpoch
                    reject(.decisionBeforeReceived, "decision date \(days) days before received date")
                    continue
                }

                // Faults that rank after an unclassified decision: found here, ranked by Classification.
                let decisionText = field(.decision)
                var laterFault: RowFault?
                func later(_ fault: RowFault) { if laterFault == nil { laterFault = fault } }
                if !decisionText.isEmpty && decisionDate == nil {
                    later(RowFault(.decisionWithoutDate, "decision without decision date"))
                }

                let resolution = resolve(name: name, code: code)
                var authority: Int32 = -1
                switch matcher.authority(for: resolution, receivedOn: received) {
                case .success(let index): authority = index
                case .failure(let fault): later(fault)
                }

                let reference = ReferenceParser.parse(referenceBytes)
                if reference == nil {
                    later(RowFault(.badReference, "reference '\(referenceText)' not in the expected shape"))
                }

                if decisionText.isEmpty && decisionDate != nil {
                    later(RowFault(.badValue, "decision_date without a decision"))
                }
                let satisfactory = FlagParser.parse(field(.satisfactoryRemedyByAuthority))
                if satisfactory == .invalid {
                    later(RowFault(.badValue, "satisfactory_remedy_by_authority '\(FieldText.decode(field(.satisfactoryRemedyByAuthority)).text)' is not a yes/no value"))
                }
                let publicReport = FlagParser.parse(field(.publicReport))
                if publicReport == .invalid {
                    later(RowFault(.badValue, "public_report '\(FieldText.decode(field(.publicReport)).text)' is not a yes/no value"))
                }
                var compliance: ComplianceOutcome?
                switch ComplianceParser.parse(field(.complianceOutcome)) {
                case .success(let value): compliance = value
                case .failure(let unknown): later(RowFault(.badValue, "compliance_outcome '\(unknown.text)' is not a compliance outcome"))
                }
                if let c = compliance, c.isOutcome, complianceDate == nil {
                    later(RowFault(.badValue, "compliance outcome without a compliance date"))
                }

                var reencoded = false
                // Not all ASCII: each field is judged on its own, since bytes valid together may
                // not be valid field by field. Within valid UTF-8, a field is valid when it
                // neither starts nor ends inside a character, which a byte on each side tells.
                if !ascii {
                    for column in ExportColumn.allCases {
                        let range = batch.range(r, column)
                        let valid = encoding == .utf8
                            ? FieldText.isWholeCharacters(range.lowerBound - recordRange.lowerBound
                                                              ..< range.upperBound - recordRange.lowerBound, ofValidUTF8: recordBytes)
                            : FieldText.isValidUTF8(UnsafeBufferPointer(rebasing: bytes[range]))
                        if !valid {
                            reencoded = true
                            break
                        }
                    }
                }

                let record = CaseRecord(
                    reference: reference ?? 0,
                    lastUpdated: lastUpdated.secondsSinceEpoch,
                    authority: authority,
                    received: received,
                    decisionDate: decisionDate,
                    satisfactoryRemedy: satisfactory == .yes,
                    publicReport: publicReport == .yes,
                    compliance: compliance,
                    complianceDate: compliance?.isOutcome == true ? complianceDate : nil)
                let remedy = field(.remedy)
                out.rows.append(CleanRow(
                    record: record,
                    categoryText: intern(category),
                    decisionText: decisionText.isEmpty ? -1 : intern(decisionText),
                    laterFault: laterFault,
                    line: line,
                    referenceText: referenceText,
                    reencoded: reencoded,
                    // Only the rare public reports keep their texts (public_reports.csv).
                    publicReportText: publicReport == .yes ? PublicReportText(
                        subcategory: FieldText.decode(field(.subcategory)).text,
                        decision: FieldText.decode(decisionText).text,
                        remedy: FieldText.decode(field(.remedy)).text,
                        summary: FieldText.decode(field(.summary)).text) : nil,
                    remedyText: remedy.isEmpty ? -1 : intern(remedy),
                    // Only a row with a remedy can be a service improvement, which prints it.
                    subcategoryText: remedy.isEmpty ? -1 : intern(field(.subcategory))))
            }
        }
        return out
    }

    /// The authority of `name` and `code` as written (trimmed), resolved on their first row only.
    private mutating func resolve(name: UnsafeBufferPointer<UInt8>, code: UnsafeBufferPointer<UInt8>)
        -> AuthorityMatcher.Resolution {
        // A code decides alone (the matcher does not read the name beside one), so the rows
        // with a code share one key per code, not one per spelling of the name beside it: a
        // third as many keys on the nightly export, and a table that stays in cache.
        let nameBytes = code.isEmpty ? UnsafeRawBufferPointer(name) : UnsafeRawBufferPointer(start: nil, count: 0)
        let codeBytes = UnsafeRawBufferPointer(code)
        if let known = resolutions.value(nameBytes, codeBytes) { return known }
        let resolution = matcher.resolve(name: code.isEmpty ? FieldText.decode(name).text : "", code: FieldText.decode(code).text)
        resolutions.insert(resolution, for: nameBytes, codeBytes)
        return resolution
    }
}
