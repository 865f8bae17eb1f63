package import CSV

/// A problem that makes a whole input file unusable; bad rows are faults, not errors.
///
/// The errors of reading any CSV file: the stage's own (`missingColumn`, `duplicateColumn`)
/// sit beside those of the bytes and the quoting, so the executable maps one type to its
/// exit codes.
package typealias IngestionError = CSVFileError
