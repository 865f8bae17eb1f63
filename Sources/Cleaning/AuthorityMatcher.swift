package import PipelineModel

/// Finds the authority a case is about (authorities.md): code first, then the name, with
/// date-based disambiguation between authorities that share a name.
///
/// Resolving a name is costly (Unicode normalisation, several look-ups), so ``Cleaner``
/// resolves each distinct (name, code) once and keeps the ``Resolution``; only the date
/// check runs per row.
package struct AuthorityMatcher: Sendable {
    /// What a name or code resolves to, before the case's date is known.
    package enum Resolution: Sendable, Equatable {
        /// Exactly one authority (whatever the dates).
        case authority(Int32)
        /// Several authorities share the name or code: the received date decides.
        case candidates([Int32], normalisedName: String)
        /// No authority: the reason and detail of the reject.
        case unknown(RejectReason, String)
    }

    private let register: AuthorityRegister
    private var byCode: [String: [Int32]] = [:]
    private var byName: [String: [Int32]] = [:]
    /// Whether each authority is in England, by register index: asked on every row.
    private var inJurisdiction: [Bool] = []

    /// A matcher over the register's names, alternative names and lookup table.
    package init(register: AuthorityRegister) {
        self.register = register
        inJurisdiction = register.authorities.map(\.isInJurisdiction)
        for (i, authority) in register.authorities.enumerated() {
            let index = Int32(i)
            for code in [authority.code, authority.gssCode] + authority.formerGSSCodes where !code.isEmpty {
                Self.add(index, to: &byCode, key: code.uppercased())
            }
            for name in [authority.officialName, authority.niceName] + authority.altNames {
                let key = AuthorityName.normalise(name)
                if !key.isEmpty { Self.add(index, to: &byName, key: key) }
            }
        }
        for (name, code) in register.lookupNames {
            guard let i = register.index(ofCode: code) else { continue }
            let key = AuthorityName.normalise(name)
            if !key.isEmpty { Self.add(Int32(i), to: &byName, key: key) }
        }
    }

    private static func add(_ index: Int32, to table: inout [String: [Int32]], key: String) {
        if !(table[key]?.contains(index) ?? false) { table[key, default: []].append(index) }
    }

    /// Resolves a case's authority name and code (either may be blank, not both).
    package func resolve(name: String, code: String) -> Resolution {
        let code = code.trimmingSpaces.uppercased()
        if !code.isEmpty {
            // A wrong code is a data error to be seen, even when the name would match.
            guard let found = byCode[code] else {
                return .unknown(.unknownAuthority, "unknown authority code \(code)")
            }
            return found.count == 1 ? .authority(found[0]) : .candidates(found.sorted(), normalisedName: code)
        }
        let normalised = AuthorityName.normalise(name)
        var found = byName[normalised] ?? []
        if found.isEmpty {
            for form in AuthorityName.strippedForms(of: normalised) {
                for i in byName[form] ?? [] where !found.contains(i) { found.append(i) }
            }
        }
        switch found.count {
        case 0: return .unknown(.unknownAuthority, "unknown authority name '\(normalised)'")
        case 1: return .authority(found[0])
        default: return .candidates(found.sorted(), normalisedName: normalised)
        }
    }

    /// The authority for a resolution on the case's received date, or the row's fault.
    package func authority(for resolution: Resolution, receivedOn day: Day) -> Result<Int32, RowFault> {
        let index: Int32
        switch resolution {
        case .authority(let i):
            index = i
        case .unknown(let reason, let detail):
            return .failure(RowFault(reason, detail))
        case .candidates(let all, let name):
            let existing = all.filter { register.authorities[Int($0)].exists(on: day) }
            guard existing.count == 1 else {
                let named = (existing.isEmpty ? all : existing).map { register.authorities[Int($0)].code }
                return .failure(RowFault(.ambiguousAuthority,
                                         "'\(name)' matches \(named.joined(separator: ", ")) on \(day)"))
            }
            index = existing[0]
        }
        guard inJurisdiction[Int(index)] else {
            let authority = register.authorities[Int(index)]
            return .failure(RowFault(.outOfJurisdiction,
                                     "\(authority.officialName) (\(authority.code)) is in \(authority.nation), outside the Ombudsman's jurisdiction"))
        }
        return .success(index)
    }
}
