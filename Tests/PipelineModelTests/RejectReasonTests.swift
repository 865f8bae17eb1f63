import PipelineModel
import Testing

@Suite struct RejectReasonTests {
    @Test func orderIsTheSpecsOrderOfPrecedence() {
        #expect(RejectReason.allCases.map(\.rawValue) == [
            "field_count", "unterminated_quote", "missing_required", "bad_date", "decision_before_received",
            "unclassified_decision", "unclassified_category", "decision_without_date", "unknown_authority",
            "ambiguous_authority", "out_of_jurisdiction", "bad_reference", "bad_value",
        ])
        #expect(RejectReason.badDate < .unknownAuthority)
        #expect(RejectReason.unclassifiedDecision < .decisionWithoutDate)
        #expect(!(RejectReason.badReference < .ambiguousAuthority))
    }
}
