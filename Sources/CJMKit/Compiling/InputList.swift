/// The command line's `FILE|DIR...`: folders stand for the `.cjm` files directly inside them.
enum InputList {
    static func expand(_ arguments: [String]) -> [String] {
        arguments.flatMap { argument in
            argument != "-" && FilePath.isDirectory(argument) ? FilePath.journeys(in: argument) : [argument]
        }
    }
}
