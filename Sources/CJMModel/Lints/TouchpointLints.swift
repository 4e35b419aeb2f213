/// W007 (no feedback collected, seed 003) and W008 (a negative emotion without an idea, seed 002).
enum TouchpointLints {
    static func check(_ journey: Journey, into findings: inout [LintFinding]) {
        for touchpoint in journey.touchpoints {
            var hasFeedback = false, hasIdea = false
            for note in touchpoint.notes {
                if note.kind == .feedback { hasFeedback = true } else if note.kind == .idea { hasIdea = true }
            }
            if !hasFeedback {
                findings.append(LintFinding(.touchpointWithoutFeedback, subject: touchpoint.path, source: touchpoint.source))
            }
            if let emotion = touchpoint.emotion, emotion < 0, !hasIdea {
                findings.append(LintFinding(.negativeEmotionWithoutIdea(emotion: emotion), subject: touchpoint.path, source: touchpoint.source))
            }
        }
    }
}
