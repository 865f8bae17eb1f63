// Letters, report, data package: being written.
