package dev.budgetguard.jobs.rollup;

import dev.budgetguard.schemas.spool.SegmentId;
import java.util.List;
import java.util.Map;

/**
 * The segments one run will look at, in (node, sequence) order, and the history of each of their nodes.
 *
 * @param pending sealed segments not in the manifest
 */
record RollupPlan(List<SegmentId> pending, Map<String, NodeHistory> nodes) {

    RollupPlan {
        pending = List.copyOf(pending);
        nodes = Map.copyOf(nodes);
    }

    NodeHistory node(String nodeId) {
        NodeHistory history = nodes.get(nodeId);
        if (history == null) {
            throw new IllegalStateException("no history planned for node " + nodeId);
        }
        return history;
    }
}
