/// The six decision outcomes (statistics.md), in the column order of `authority_year.csv`.
package enum Outcome: Int, CaseIterable, Sendable, Codable {
    case incompleteInvalid
    case adviceGiven
    case referredBack
    case closedAfterInitialEnquiries
    case notUpheld
    case upheld

    /// The outcome's published name, also its name in rule tables.
    package var name: String {
        switch self {
        case .incompleteInvalid: "Incomplete/invalid"
        case .adviceGiven: "Advice given"
        case .referredBack: "Referred back for local resolution"
        case .closedAfterInitialEnquiries: "Closed after initial enquiries"
        case .notUpheld: "Not upheld"
        case .upheld: "Upheld"
        }
    }

    /// The column of `authority_year.csv` that counts it.
    package var column: String {
        switch self {
        case .incompleteInvalid: "incomplete_invalid"
        case .adviceGiven: "advice_given"
        case .referredBack: "referred_back"
        case .closedAfterInitialEnquiries: "closed_after_initial_enquiries"
        case .notUpheld: "not_upheld"
        case .upheld: "upheld"
        }
    }

    /// Whether the decision was a detailed investigation (upheld or not upheld).
    package var isInvestigation: Bool { self == .upheld || self == .notUpheld }
}

/// The nine service areas of complaints received (statistics.md order).
package enum ServiceArea: Int, CaseIterable, Sendable, Codable {
    case adultCare
    case benefitsTax
    case corporate
    case educationChildren
    case environment
    case highwaysTransport
    case housing
    case planning
    case other

    /// The area's published name, also its name in rule tables.
    package var name: String {
        switch self {
        case .adultCare: "Adult care services"
        case .benefitsTax: "Benefits and tax"
        case .corporate: "Corporate and other services"
        case .educationChildren: "Education and children's services"
        case .environment: "Environmental services, public protection and regulation"
        case .highwaysTransport: "Highways and transport"
        case .housing: "Housing"
        case .planning: "Planning and development"
        case .other: "Other"
        }
    }

    /// The column of `authority_year.csv` that counts it.
    package var column: String {
        switch self {
        case .adultCare: "received_adult_care"
        case .benefitsTax: "received_benefits_tax"
        case .corporate: "received_corporate"
        case .educationChildren: "received_education_children"
        case .environment: "received_environment"
        case .highwaysTransport: "received_highways_transport"
        case .housing: "received_housing"
        case .planning: "received_planning"
        case .other: "received_other"
        }
    }
}

/// A recorded compliance outcome. `awaiting` is recorded but is not an outcome in the statistics.
package enum ComplianceOutcome: Int, CaseIterable, Sendable, Codable {
    case complied
    case compliedLate
    case notComplied
    case awaiting

    /// Whether the outcome counts in the compliance rate's denominator.
    package var isOutcome: Bool { self != .awaiting }

    /// The outcome as `compliance.csv` writes it, and the column of `authority_year.csv` that
    /// counts it (`awaiting` has no column there).
    package var column: String {
        switch self {
        case .complied: "complied"
        case .compliedLate: "complied_late"
        case .notComplied: "not_complied"
        case .awaiting: "awaiting"
        }
    }
}

/// The five comparison types of the "average of similar authorities" (register types).
package enum ComparisonType: Int, CaseIterable, Sendable, Codable {
    case county
    case district
    case metropolitan
    case unitary
    case londonBorough

    /// The type for a register `local-authority-type` code, nil for other kinds.
    package init?(registerType: String) {
        switch registerType {
        case "CTY": self = .county
        case "NMD": self = .district
        case "MD": self = .metropolitan
        case "UA": self = .unitary
        case "LBO": self = .londonBorough
        default: return nil
        }
    }

    /// The name used in outputs (`London Borough`).
    package var name: String {
        switch self {
        case .county: "County"
        case .district: "District"
        case .metropolitan: "Metropolitan"
        case .unitary: "Unitary"
        case .londonBorough: "London Borough"
        }
    }
}

/// How the type averages are computed (statistics.md): pooled ratio or mean of rates.
package enum AveragingMethod: String, CaseIterable, Sendable, Codable {
    /// Sum of numerators over sum of denominators across the type.
    case pooled
    /// Mean of the authorities' own unrounded rates, over non-zero denominators.
    case mean
}
