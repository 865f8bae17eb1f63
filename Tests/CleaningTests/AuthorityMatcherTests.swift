import Cleaning
import PipelineModel
import Testing
import TestSupport

@Suite struct AuthorityMatcherTests {
    let matcher = AuthorityMatcher(register: RegisterFixture.register)
    let anyDay = Day.on(2023, 6, 1)

    /// The authority's code for a case with `name` and `code` received on `day`, or the fault.
    private func match(_ name: String, code: String = "", on day: Day? = nil) -> Result<String, RowFault> {
        let resolution = matcher.resolve(name: name, code: code)
        return matcher.authority(for: resolution, receivedOn: day ?? anyDay)
            .map { RegisterFixture.register.authorities[Int($0)].code }
    }

    @Test(arguments: [
        "Leicester City Council", "LEICESTER CITY COUNCIL ", "Leicester City", "Leicester", "Leicester CC",
        "leicester city council.", "City of Leicester", "Leicester City UA", "Leicester\u{00A0}City Council",
        "City of Leicester Council",
    ])
    func caseworkerVariantsFindLeicester(name: String) {
        #expect(match(name) == .success("LCE"))
    }

    @Test(arguments: [
        ("London Borough of Sutton", "STN"), ("London Borough of Sutton Council", "STN"), ("Sutton", "STN"),
        ("Sutton Council", "STN"), ("LB Sutton", "STN"), ("Bury MBC", "BUR"), ("Bury Metropolitan Borough Council", "BUR"),
        ("Bury Council", "BUR"), ("bury district", "BUR"), ("Newcastle-upon-Tyne City Council", "NET"),
        ("Newcastle upon Tyne", "NET"), ("Newcastle under Lyme", "NEC"), ("Northumberland CC", "NBL"),
        ("Greater Manchester CA", "GMCA"),
    ])
    func namesMatchOfficialNiceAlternativeAndLookupNames(name: String, code: String) {
        #expect(match(name) == .success(code))
    }

    @Test func codeWinsOverName() {
        #expect(match("Bury Metropolitan Borough Council", code: "E06000016") == .success("LCE"))
        #expect(match("Bury", code: "LCE") == .success("LCE"))
    }

    @Test(arguments: ["E06000016", "LCE", "lce", " E06000016 ", "e06000016"])
    func registerAndGSSCodesAreKnown(code: String) {
        #expect(match("", code: code) == .success("LCE"))
    }

    @Test func formerGSSCodeIsKnown() {
        #expect(match("", code: "E06000048") == .success("NBL"))
        #expect(match("Northumberland", code: "E06000057") == .success("NBL"))
    }

    @Test func unknownCodeIsARejectEvenWhenTheNameMatches() {
        guard case .failure(let fault) = match("Leicester City Council", code: "E06999999") else {
            Issue.record("an unknown code was accepted")
            return
        }
        #expect(fault.reason == .unknownAuthority)
        #expect(fault.detail.contains("E06999999"))
    }

    @Test func sharedNameIsResolvedByTheReceivedDate() {
        #expect(match("Buckinghamshire", on: .on(2020, 3, 31)) == .success("BKM"))
        #expect(match("Buckinghamshire", on: .on(2020, 4, 1)) == .success("BUC"))
        #expect(match("Buckinghamshire CC", on: .on(2019, 5, 1)) == .success("BKM"))
        #expect(match("Buckinghamshire CC", on: .on(2021, 5, 1)) == .success("BUC"))
        #expect(match("Bucks", on: .on(2019, 5, 1)) == .success("BKM"))
        #expect(match("Bucks", on: .on(2021, 5, 1)) == .success("BUC"))
    }

    @Test func aNameWithOneMatchIsThatAuthorityWhateverTheDate() {
        // An official name is the authority's own, even on a day it did not exist.
        #expect(match("Buckinghamshire County Council", on: .on(2022, 1, 1)) == .success("BKM"))
        #expect(match("Buckinghamshire Council", on: .on(2019, 5, 1)) == .success("BUC"))
        #expect(match("", code: "E06000060", on: .on(2001, 1, 1)) == .success("BUC"))
    }

    @Test func nameOfCoexistingAuthoritiesIsAmbiguousNamingBoth() throws {
        for name in ["Newcastle", "Newcastle Council", "NEWCASTLE"] {
            guard case .failure(let fault) = match(name) else {
                Issue.record("\(name) was matched")
                continue
            }
            #expect(fault.reason == .ambiguousAuthority)
            #expect(fault.detail.contains("NEC"))
            #expect(fault.detail.contains("NET"))
            #expect(fault.detail.contains("newcastle"))
        }
    }

    @Test func sharedNameOnADayNeitherExistedIsAmbiguousNamingAllCandidates() {
        // A register in which the county started in 1974: a case of 1970 matches neither.
        let early = AuthorityRegister(authorities: RegisterFixture.authorities.map {
            $0.code != "BKM" ? $0 : Authority(code: "BKM", officialName: $0.officialName, niceName: $0.niceName,
                                              registerType: "CTY", startDate: .on(1974, 4, 1), endDate: $0.endDate)
        })
        let matcher = AuthorityMatcher(register: early)
        let result = matcher.authority(for: matcher.resolve(name: "Buckinghamshire", code: ""), receivedOn: .on(1970, 1, 1))
        guard case .failure(let fault) = result else {
            Issue.record("a day on which no candidate existed was matched")
            return
        }
        #expect(fault.reason == .ambiguousAuthority)
        #expect(fault.detail.contains("BKM") && fault.detail.contains("BUC"))
    }

    @Test func unknownNameIsARejectWithItsNormalisedForm() {
        guard case .failure(let fault) = match("  Borsetshire   County-Council ") else {
            Issue.record("an unknown name was matched")
            return
        }
        #expect(fault.reason == .unknownAuthority)
        #expect(fault.detail.contains("'borsetshire county council'"))
    }

    @Test func lookupNamesForCodesNotInTheRegisterAreIgnored() {
        #expect((try? match("Nowhere").get()) == nil)
    }

    @Test(arguments: [("Cardiff", ""), ("City of Cardiff Council", ""), ("", "W06000015"), ("Caerdydd", ""), ("", "CRF")])
    func nonEnglishAuthorityIsOutOfJurisdiction(name: String, code: String) {
        guard case .failure(let fault) = match(name, code: code) else {
            Issue.record("a Welsh authority was accepted")
            return
        }
        #expect(fault.reason == .outOfJurisdiction)
        #expect(fault.detail.contains("CRF"))
        #expect(fault.detail.contains("Wales"))
    }

    @Test func resolutionIsIndependentOfTheDate() {
        // What the cleaner caches per distinct name: one authority, candidates, or unknown.
        #expect(matcher.resolve(name: "Leicester", code: "") == .authority(RegisterFixture.index("LCE")))
        #expect(matcher.resolve(name: "Buckinghamshire", code: "") ==
            .candidates([RegisterFixture.index("BKM"), RegisterFixture.index("BUC")].sorted(),
                        normalisedName: "buckinghamshire"))
        guard case .unknown(.unknownAuthority, _) = matcher.resolve(name: "Atlantis", code: "") else {
            Issue.record("Atlantis resolved")
            return
        }
    }
}
