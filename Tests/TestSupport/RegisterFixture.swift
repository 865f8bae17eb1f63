import PipelineModel

/// A small register with the situations the spec describes: plain authorities of each
/// comparison type, a reorganisation that kept the place name, two coexisting authorities that
/// share a name, a former GSS code, a Welsh authority and a combined authority.
package enum RegisterFixture {
    /// Leicester City Council: a unitary authority (worked example, 2023-24).
    package static let leicester = Authority(
        code: "LCE", officialName: "Leicester City Council", niceName: "Leicester",
        altNames: ["Leicester City UA", "city of leicester", "Leicester City"], gssCode: "E06000016", registerType: "UA",
        startDate: .on(1997, 4, 1), population2020: 354_036)

    /// Bury Metropolitan Borough Council (worked example, 2019-20).
    package static let bury = Authority(
        code: "BUR", officialName: "Bury Metropolitan Borough Council", niceName: "Bury",
        altNames: ["Bury District"], gssCode: "E08000002", registerType: "MD",
        startDate: .on(1974, 4, 1), population2020: 190_708)

    /// London Borough of Sutton (worked example, 2023-24); open-ended both ways.
    package static let sutton = Authority(
        code: "STN", officialName: "London Borough of Sutton", niceName: "Sutton",
        altNames: ["Sutton London Boro"], gssCode: "E09000029", registerType: "LBO", population2020: 207_707)

    /// Buckinghamshire County Council: ended when Buckinghamshire Council started, same nice name.
    package static let buckinghamshireCounty = Authority(
        code: "BKM", officialName: "Buckinghamshire County Council", niceName: "Buckinghamshire",
        gssCode: "E10000002", registerType: "CTY", endDate: .on(2020, 4, 1), replacedBy: ["BUC"],
        population2020: 543_973)

    /// Buckinghamshire Council: the unitary successor, from 1 April 2020.
    package static let buckinghamshire = Authority(
        code: "BUC", officialName: "Buckinghamshire Council", niceName: "Buckinghamshire",
        gssCode: "E06000060", registerType: "UA", startDate: .on(2020, 4, 1), population2020: 547_060)

    /// Newcastle City Council: shares the alternative name `Newcastle` with Newcastle-under-Lyme.
    package static let newcastleUponTyne = Authority(
        code: "NET", officialName: "Newcastle City Council", niceName: "Newcastle upon Tyne",
        altNames: ["Newcastle"], gssCode: "E08000021", registerType: "MD", startDate: .on(1974, 4, 1))

    /// Newcastle-under-Lyme Borough Council: coexists with Newcastle City Council.
    package static let newcastleUnderLyme = Authority(
        code: "NEC", officialName: "Newcastle-under-Lyme Borough Council", niceName: "Newcastle-under-Lyme",
        altNames: ["Newcastle"], gssCode: "E07000195", registerType: "NMD", startDate: .on(1974, 4, 1))

    /// Northumberland County Council: a unitary authority with a former GSS code.
    package static let northumberland = Authority(
        code: "NBL", officialName: "Northumberland County Council", niceName: "Northumberland",
        gssCode: "E06000057", formerGSSCodes: ["E06000048"], registerType: "UA", startDate: .on(2009, 4, 1))

    /// City of Cardiff Council: Welsh, outside the Ombudsman's jurisdiction.
    package static let cardiff = Authority(
        code: "CRF", officialName: "City of Cardiff Council", niceName: "Cardiff", altNames: ["Caerdydd"],
        gssCode: "W06000015", registerType: "WPA", nation: "Wales", startDate: .on(1996, 4, 1))

    /// Greater Manchester Combined Authority: no comparison type.
    package static let greaterManchester = Authority(
        code: "GMCA", officialName: "Greater Manchester Combined Authority", niceName: "Greater Manchester",
        altNames: ["Greater Manchester CA"], gssCode: "E47000001", registerType: "COMB", startDate: .on(2014, 4, 1))

    /// Every authority of the fixture, in no particular order (the register sorts by code).
    package static let authorities = [
        leicester, bury, sutton, buckinghamshireCounty, buckinghamshire, newcastleUponTyne,
        newcastleUnderLyme, northumberland, cardiff, greaterManchester,
    ]

    /// Names of the alternative-names table: `Bucks` names both Buckinghamshires; `Nowhere`
    /// names a code the register does not have.
    package static let lookupNames: [(name: String, code: String)] = [
        ("LB Sutton", "STN"),
        ("Bucks", "BKM"),
        ("Bucks", "BUC"),
        ("Newcastle-upon-Tyne City Council", "NET"),
        ("Nowhere", "ZZZ"),
    ]

    /// The register of the fixture.
    package static let register = AuthorityRegister(authorities: authorities, lookupNames: lookupNames)

    /// The index in ``register`` of the authority with register code `code`.
    package static func index(_ code: String) -> Int32 {
        guard let i = register.index(ofCode: code) else { preconditionFailure("no authority \(code) in the fixture") }
        return Int32(i)
    }
}
