import CutoverDashboard
import Foundation

/// `make bench`'s page-switch figure: what a number key costs in the dashboard (the reducer, the page's
/// queries, and rendering the frame), timed in process for every page; the terminal write is left out.
struct PageSwitchTimer {
    let loader: StorePageLoader
    let state: AppState

    func report(rounds: Int) {
        for page in Page.tabs {
            var samples: [Double] = []
            for _ in 0...rounds {
                var state = self.state
                state.page = page == .cohorts ? .jobs : .cohorts
                let start = DispatchTime.now().uptimeNanoseconds
                for effect in Reducer.reduce(&state, .key(.character(Character(String(page.rawValue))))) {
                    guard case .load(let query) = effect, let content = try? loader.load(query) else { continue }
                    _ = Reducer.reduce(&state, .loaded(query, content))
                }
                _ = Screen.render(state)
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            // The first round warms SQLite's page cache, as the first visit in a session does.
            let warm = samples.dropFirst().sorted()
            print("\(page.slug)\t\(String(format: "%.2f", warm[warm.count / 2]))\t\(String(format: "%.2f", warm.last!))")
        }
    }
}
