/// The formats `mus-coach graph` draws in.
public enum GraphFormat: String, Sendable, CaseIterable {
    case dot, mermaid
}

/// A script as a graph: questions in asking order, the conditions that guard them, probes, and
/// the per-item loop of a list.
public struct ScriptGraph: Sendable {
    struct Node {
        var id: String
        var label: String
        var shape: Shape
        enum Shape { case question, probe, list }
    }

    struct Edge {
        var from: String
        var to: String
        var label: String?
        var dashed: Bool = false
    }

    struct Cluster {
        var id: String
        var title: String
        var nodes: [Node]
    }

    private var clusters: [Cluster] = []
    private var edges: [Edge] = []

    public init(_ script: Script) {
        var previous: String?
        for section in script.sections {
            var nodes: [Node] = []
            for (index, question) in section.questions.enumerated() {
                let node = Self.nodeID(question.id)
                nodes.append(Node(id: node, label: Self.label(question), shape: question.kind == .list ? .list : .question))
                var guards: [String] = []
                if index == 0, let when = section.when { guards.append("section when: " + when.source) }
                if let when = question.when { guards.append("when: " + when.source) }
                if let previous {
                    edges.append(Edge(from: previous, to: node, label: guards.isEmpty ? nil : guards.joined(separator: "; ")))
                }
                addProbes(of: question, from: node, into: &nodes)
                var last = node
                for follow in question.each {
                    let followNode = Self.nodeID(follow.id)
                    nodes.append(Node(id: followNode, label: Self.label(follow), shape: .question))
                    edges.append(Edge(from: last, to: followNode, label: last == node ? "each item" : follow.when.map { "when: " + $0.source }))
                    addProbes(of: follow, from: followNode, into: &nodes)
                    last = followNode
                }
                if last != node { edges.append(Edge(from: last, to: node, label: "next item", dashed: true)) }
                previous = node
            }
            clusters.append(Cluster(id: section.id, title: section.title, nodes: nodes))
        }
    }

    private mutating func addProbes(of question: Question, from node: String, into nodes: inout [Node]) {
        for probe in question.probes {
            let probeNode = Self.nodeID(question.id + "/" + probe.id)
            nodes.append(Node(id: probeNode, label: probe.id + (probe.max > 1 ? " (≤\(probe.max)×)" : ""), shape: .probe))
            edges.append(Edge(from: node, to: probeNode, label: "if: " + probe.condition.source, dashed: true))
        }
    }

    public func render(_ format: GraphFormat) -> String {
        switch format {
        case .dot: dot()
        case .mermaid: mermaid()
        }
    }

    private func dot() -> String {
        var lines = ["digraph script {", "  rankdir=TB;", "  node [fontname=\"Helvetica\", fontsize=10];"]
        for cluster in clusters {
            lines.append("  subgraph \"cluster_\(cluster.id)\" {")
            lines.append("    label=\(Self.dotQuoted(cluster.title));")
            for node in cluster.nodes {
                let shape = switch node.shape {
                case .question: "box"
                case .probe: "note"
                case .list: "box3d"
                }
                lines.append("    \(node.id) [shape=\(shape), label=\(Self.dotQuoted(node.label))];")
            }
            lines.append("  }")
        }
        for edge in edges {
            var attributes: [String] = []
            if let label = edge.label { attributes.append("label=\(Self.dotQuoted(label))") }
            if edge.dashed { attributes.append("style=dashed") }
            lines.append("  \(edge.from) -> \(edge.to)" + (attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]") + ";")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private func mermaid() -> String {
        var lines = ["flowchart TD"]
        for cluster in clusters {
            lines.append("  subgraph \(cluster.id)[\(Self.mermaidQuoted(cluster.title))]")
            for node in cluster.nodes {
                let label = Self.mermaidQuoted(node.label)
                switch node.shape {
                case .question: lines.append("    \(node.id)[\(label)]")
                case .probe: lines.append("    \(node.id)>\(label)]")
                case .list: lines.append("    \(node.id)[[\(label)]]")
                }
            }
            lines.append("  end")
        }
        for edge in edges {
            let arrow = edge.dashed ? "-.->" : "-->"
            let label = edge.label.map { "|\(Self.mermaidQuoted($0))|" } ?? ""
            lines.append("  \(edge.from) \(arrow)\(label) \(edge.to)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Names and quoting

    /// Graph ids allow letters, digits and underscores only.
    private static func nodeID(_ id: String) -> String {
        "n_" + String(id.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : "_" })
    }

    private static func label(_ question: Question) -> String {
        let prompt = question.prompt.source
        let short = prompt.count > 48 ? String(prompt.prefix(47)) + "…" : prompt
        return "\(question.id) (\(question.kind.name))\n\(short)"
    }

    private static func dotQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    private static func mermaidQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "#quot;").replacingOccurrences(of: "\n", with: "<br/>") + "\""
    }
}
