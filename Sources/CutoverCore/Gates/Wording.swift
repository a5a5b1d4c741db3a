/// Reasons are read by people at 3 a.m.; "1 studies" makes them doubt the numbers.
func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(noun(count, singular, plural))"
}

func noun(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    count == 1 ? singular : (plural ?? singular + "s")
}
