/// What a ``CSVParser`` hands its fields, record ends and progress to.
///
/// A sink is an ordinary struct: it needs no fixed address and sees no pointer but the field it
/// is given. ``field(_:recordLine:)`` is called while libcsv parses (through a closure its
/// callback reaches), with the bytes still in libcsv's buffer, so that no field is copied twice;
/// a sink must not call back into its parser.
package protocol CSVSink {
    /// A field of the record that started on physical line `recordLine` has ended.
    ///
    /// - Important: `bytes` are valid only during the call: copy what you keep.
    mutating func field(_ bytes: UnsafeRawBufferPointer, recordLine: Int)

    /// The record whose fields came last has ended (at a line break, or at the end of the data).
    mutating func endRecord()

    /// A piece of a physical line (or the end of the data) has been parsed: its fields and
    /// record end, if any, came before.
    ///
    /// Throw to stop, for instance on ``CSVStep/problem``. Returning from a step with a
    /// problem drops the record: the parser skips the rest of its physical line and the next
    /// record starts on a fresh line.
    mutating func parsed(_ step: CSVStep) throws
}
