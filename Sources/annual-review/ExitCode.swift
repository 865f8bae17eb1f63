import CSV
import LetterDrafts
import Output
import PipelineConfig
import PipelineRunner

/// The process's exit codes, after sysexits.h, so cron and monitoring can tell what happened.
enum ExitCode: Int32 {
    case success = 0
    case usage = 64
    case dataError = 65
    case noInput = 66
    case unavailable = 69
    case internalError = 70
    case cannotCreate = 73
    case ioError = 74
    case temporaryFailure = 75
    case configuration = 78

    /// The exit-code table for `--help`.
    static let documentation = """
    Exit codes: 0 success (rejected rows, if any, are in rejects.csv); 64 usage; \
    65 bad input data (unreadable or truncated file, missing column, reject share over \
    --max-reject-rate, fewer rows than --min-rows, a year to carry over that does not match \
    the current publication's manifest: nothing is published); 66 a file to read is \
    missing (an input, the register, lookup, population, contacts or a rule table, given as an \
    option or named in the pipeline definition, or the program's own rule tables not found); 70 internal error; 73 cannot create the outputs; 74 cannot \
    write the outputs; 75 try again later (another run holds the lock, or interrupted); \
    78 bad configuration (pipeline definition, register, lookup, population or rule table).
    """

    /// The code for an error that ended a run.
    static func `for`(_ error: any Error) -> ExitCode {
        switch error {
        case let error as RunError:
            switch error {
            case .inputMissing: return .noInput
            case .rejectLimitExceeded, .tooFewRows: return .dataError
            }
        case let error as ConfigurationError:
            return error.kind == .missingFile ? .noInput : .configuration
        case let error as CSVFileError:
            if case .cannotOpen = error { return .noInput }
            return .dataError
        case let error as OutputError:
            switch error {
            case .locked: return .temporaryFailure
            case .cannotCreate: return .cannotCreate
            case .writeFailed, .readFailed, .publishFailed: return .ioError
            // The current publication is this run's input for the years it carries over.
            case .cannotCarryOver: return .dataError
            }
        case let error as LetterDraftError:
            switch error {
            case .notAPublication, .yearNotPublished, .unknownAuthority, .sourceChanged, .wordsDiffer: return .dataError
            case .configuration: return .configuration
            case .toolMissing: return .unavailable
            case .toolFailed: return .internalError
            case .cannotCreate: return .cannotCreate
            }
        case is Interrupted, is CancellationError:
            return .temporaryFailure
        default:
            return .internalError
        }
    }
}
