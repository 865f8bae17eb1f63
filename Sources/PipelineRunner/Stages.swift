import AsyncAlgorithms
import Classification
import Cleaning
import Ingestion
import PipelineModel

/// The stage loops: each reads batches from its input channel, does its stage's work per
/// batch, and sends the result on. A stage that fails `fail`s its output channel, so the next
/// stage never mistakes a partial input for a complete one; the task group cancels the rest.
enum Stages {
    /// Reads every input in order into `output`; returns what each file turned out to be.
    static func ingest(_ inputs: [String], reader: ExportReader,
                       into output: AsyncThrowingChannel<RawRecordBatch, any Error>) async throws -> [InputFileSummary] {
        do {
            var summaries: [InputFileSummary] = []
            for (index, path) in inputs.enumerated() {
                summaries.append(try await reader.read(path: path, fileIndex: index) { batch in
                    await output.send(batch)
                    // A cancelled send returns silently: notice it here.
                    try Task.checkCancellation()
                })
            }
            output.finish()
            return summaries
        } catch {
            output.fail(error)
            throw error
        }
    }

    /// Cleans every batch of `input` into `output`.
    static func clean(_ cleaner: Cleaner, from input: AsyncThrowingChannel<RawRecordBatch, any Error>,
                      into output: AsyncThrowingChannel<CleanBatch, any Error>) async throws {
        var cleaner = cleaner
        do {
            for try await batch in input {
                await output.send(cleaner.clean(batch))
                try Task.checkCancellation()
            }
            output.finish()
        } catch {
            output.fail(error)
            throw error
        }
    }

    /// Classifies every batch of `input` into `output`.
    static func classify(_ classifier: Classifier, from input: AsyncThrowingChannel<CleanBatch, any Error>,
                         into output: AsyncThrowingChannel<CaseBatch, any Error>) async throws {
        var classifier = classifier
        do {
            for try await batch in input {
                await output.send(classifier.classify(batch))
                try Task.checkCancellation()
            }
            output.finish()
        } catch {
            output.fail(error)
            throw error
        }
    }
}
