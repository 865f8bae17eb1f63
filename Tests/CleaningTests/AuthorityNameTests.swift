import Cleaning
import Testing

@Suite struct AuthorityNameTests {
    @Test(arguments: [
        ("Leicester City Council", "leicester city council"),
        ("LEICESTER CITY COUNCIL ", "leicester city council"),
        ("  Bury   Metropolitan\tBorough  Council ", "bury metropolitan borough council"),
        ("Brighton & Hove", "brighton and hove"),
        ("St. Helens", "st helens"),
        ("King's Lynn & West Norfolk", "kings lynn and west norfolk"),
        ("Armagh City, Banbridge and Craigavon", "armagh city banbridge and craigavon"),
        ("Stoke-on-Trent", "stoke on trent"),
        ("Newcastle - under - Lyme", "newcastle under lyme"),
        ("Leicester\u{00A0}City\u{00A0}Council", "leicester city council"),
        ("ＢＵＲＹ", "bury"),
        ("Tra\u{FB00}ord", "trafford"),
        ("Cafe\u{0301}", "caf\u{00E9}"),
        ("", ""),
        (" .,' ", ""),
    ])
    func normalisationFollowsTheSpec(name: String, normalised: String) {
        #expect(AuthorityName.normalise(name) == normalised)
    }

    @Test func anASCIINameNormalisesAsThroughUnicode() {
        // A non-ASCII word after a space takes a name through NFKC and Unicode lower case, and
        // adds itself as a last word: without it, the rest is the name through Unicode.
        func throughUnicode(_ name: String) -> String {
            let normalised = AuthorityName.normalise(name + " \u{E9}")
            return normalised == "\u{E9}" ? "" : String(normalised.dropLast(2))
        }
        var names = ["Leicester City Council", " St. Helens ", "King's Lynn & West Norfolk", "Stoke-on-Trent\r\n",
                     "A&B", "-&-", "\u{0}x\u{1F}y\u{7F}", "Bury\u{0B}MBC\u{0C}", "a\u{1C}b"]
        // Invented names over every ASCII byte, most often letters, spaces and the characters the
        // rules name (a fixed linear congruential sequence, so that a failure can be repeated).
        let alphabet = Array("aZ .'&,-\t\r\n".utf8) + (0 ... 0x7F).map(UInt8.init)
        var state: UInt64 = 24
        for _ in 0 ..< 3_000 {
            var bytes: [UInt8] = []
            for _ in 0 ..< 12 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            names.append(String(decoding: bytes, as: UTF8.self))
        }
        for name in names {
            #expect(AuthorityName.normalise(name) == throughUnicode(name), "\(Array(name.utf8))")
        }
    }

    @Test func registerAndCaseVariantsNormaliseAlike() {
        let variants = ["London Borough of Richmond-upon-Thames", "london borough of richmond upon thames",
                        "London Borough of Richmond Upon Thames.", "LONDON  BOROUGH OF RICHMOND-UPON-THAMES"]
        #expect(Set(variants.map(AuthorityName.normalise)).count == 1)
    }

    @Test(arguments: [
        ("leicester cc", ["leicester"]),
        ("leicester city council", ["leicester", "leicester city"]),
        ("london borough of sutton council", ["london borough of sutton", "sutton", "sutton council"]),
        ("london borough of sutton", ["sutton"]),
        ("royal borough of kensington and chelsea", ["kensington and chelsea"]),
        ("city of leicester", ["leicester"]),
        ("bury mbc", ["bury"]),
        ("bury metropolitan borough council", ["bury", "bury metropolitan", "bury metropolitan borough"]),
        ("kent county council", ["kent", "kent county"]),
        ("wycombe dc", ["wycombe"]),
        ("reading bc", ["reading"]),
        ("chiltern district council", ["chiltern", "chiltern district"]),
    ])
    func strippingRemovesOneTrailingGroupAndOrALeadingGroup(name: String, forms: [String]) {
        #expect(AuthorityName.strippedForms(of: name) == forms)
    }

    @Test(arguments: ["leicester", "council", "cc", "city of", "london borough of", "leicestercc", "citycouncil"])
    func nothingIsStrippedWithoutAWholeWordGroup(name: String) {
        #expect(AuthorityName.strippedForms(of: name).isEmpty)
    }
}
