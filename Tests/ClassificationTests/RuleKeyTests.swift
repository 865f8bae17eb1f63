import Classification
import Testing

@Suite struct RuleKeyTests {
    @Test(arguments: [
        ["Upheld: fault and injustice", "upheld - fault and injustice.", "  UPHELD: FAULT AND INJUSTICE ",
         "Upheld fault and injustice", "upheld:fault and injustice", "Upheld — fault, and injustice!"],
        ["Incomplete/Invalid", "incomplete invalid", "Incomplete / invalid", "INCOMPLETE-INVALID"],
        ["Ombudsman's discretion", "Ombudsmans discretion", "ombudsman\u{2019}s discretion", "OMBUDSMAN'S DISCRETION."],
        ["Planning & building control", "Planning and building control", "planning&building control",
         "Planning  &  building control"],
        ["Education and children's services", "education and childrens services", "Education & children’s services"],
        ["MI reps", "mi  reps", "mi-reps", "MI reps."],
    ])
    func equivalentTextsShareAKey(texts: [String]) {
        let keys = Set(texts.map(RuleKey.make))
        #expect(keys.count == 1, "keys: \(keys)")
    }

    @Test func keyIsLowerCaseWordsSeparatedBySingleSpaces() {
        #expect(RuleKey.make("  Upheld: fault, no injustice ") == "upheld fault no injustice")
        #expect(RuleKey.make("Planning & building control") == "planning and building control")
        #expect(RuleKey.make("Ombudsman's discretion") == "ombudsmans discretion")
        #expect(RuleKey.make("...") == "")
    }

    @Test(arguments: [("Upheld", "Not upheld"), ("M reps", "NM reps"), ("MI reps", "M reps"),
                      ("Premature", "Premature complaint"), ("Upheld: fault", "Upheld: no fault")])
    func differentWordsKeepDifferentKeys(a: String, b: String) {
        #expect(RuleKey.make(a) != RuleKey.make(b))
    }
}
