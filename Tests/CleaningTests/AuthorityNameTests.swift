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
