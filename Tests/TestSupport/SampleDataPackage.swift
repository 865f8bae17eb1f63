import Rendering

/// A data package of the sample's committed tables, as the data package tests and the
/// frictionless checks read it.
package enum SampleDataPackage {
    /// rejects.csv as the run writes it (`file,line,reference,reason,detail`), with quoting.
    package static let rejects = Array([
        "file,line,reference,reason,detail",
        "decisions-2023.csv.gz,66,24 002 554,decision_without_date,decision 'Not upheld: no fault' without decision date",
        "decisions-2023.csv.gz,69,24002547,unknown_authority,unknown authority name 'midsomer dc'",
        "decisions-2023.csv.gz,208,20003290,bad_date,compliance_date 2021-09-31 is not a real date",
        #""exports/a,b.csv",2,,missing_required,"reference is empty, ""x"""#,
    ].map { $0 + "\n" }.joined().utf8)

    /// The sample's committed tables (the bytes Output writes) and a rejects file: the five
    /// statistics tables, then `rejects.csv`.
    package static func resources() throws -> [(path: String, bytes: [UInt8])] {
        try ["authority_year.csv", "type_year.csv", "comparison.csv", "national_year.csv", "area_year.csv"]
            .map { ($0, try SampleFigures.expectedBytes($0)) }
            + [("rejects.csv", rejects)]
    }

    /// A new folder holding ``resources()`` and their `datapackage.json`.
    package static func folder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder("datapackage")
        let resources = try resources()
        for resource in resources { try folder.write(resource.bytes, to: resource.path) }
        let package = DataPackageWriter.dataPackage(resources: resources)
        try folder.write(package.bytes, to: package.path)
        return folder
    }
}
