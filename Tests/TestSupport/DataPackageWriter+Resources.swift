import Crypto
import PipelineModel
import Rendering

extension DataPackageWriter {
    /// The descriptor of `resources`, each a published table's path relative to the output
    /// folder (its file name gives its schema: a ``TableFile`` or `rejects.csv`) and its exact
    /// bytes, whose size and sha256 it records.
    package static func dataPackage(resources: [(path: String, bytes: [UInt8])]) -> Artefact {
        dataPackage(files: resources.map { resource in
            let name = String(resource.path.split(separator: "/").last ?? Substring(resource.path))
            guard let schema = TableFile(rawValue: name)?.schema ?? (name == TableSchema.rejects.fileName ? .rejects : nil) else {
                preconditionFailure("\(resource.path) is not a published table")
            }
            let sha256 = lowercaseHex(SHA256.hash(data: resource.bytes))
            return File(path: resource.path, schema: schema, size: resource.bytes.count, sha256: sha256)
        })
    }
}
