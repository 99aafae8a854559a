import CoachJSON

/// Writes reply lines: results, errors and notifications, each one compact JSON object and its newline.
public enum RPCReply {
    public static func result(id: JSONValue, into output: inout JSONWriter, _ write: (inout JSONWriter) -> Void) {
        envelope(into: &output) { writer in
            writer.key("id")
            writer.value(id)
            writer.key("result")
            write(&writer)
        }
    }

    public static func error(id: JSONValue, _ error: RPCError, into output: inout JSONWriter) {
        envelope(into: &output) { writer in
            writer.key("id")
            writer.value(id)
            writer.key("error")
            writer.beginObject()
            writer.key("code")
            writer.int(error.code.rawValue)
            writer.key("message")
            writer.string(error.code.message)
            if let reason = error.reason {
                writer.key("data")
                writer.beginObject()
                writer.key("reason")
                writer.string(reason)
                writer.endObject()
            }
            writer.endObject()
        }
    }

    public static func notification(method: String, into output: inout JSONWriter, _ params: (inout JSONWriter) -> Void) {
        envelope(into: &output) { writer in
            writer.key("method")
            writer.string(method)
            writer.key("params")
            params(&writer)
        }
    }

    /// `{"jsonrpc":"2.0",` the members `"}` and the newline, written after what `output` holds:
    /// a batch's replies go into one long-lived writer, with no buffer made and copied per reply.
    private static func envelope(into output: inout JSONWriter, _ members: (inout JSONWriter) -> Void) {
        output.beginObject()
        output.key("jsonrpc")
        output.literal("2.0")
        members(&output)
        output.endObject()
        output.newline()
    }
}
