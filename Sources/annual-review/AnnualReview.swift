@main
struct AnnualReview {
    static func main() {}
}
