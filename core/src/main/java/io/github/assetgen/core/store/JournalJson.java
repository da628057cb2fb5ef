package io.github.assetgen.core.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The wire form of one journal file. */
@JsonPropertyOrder({
    "formatVersion",
    "state",
    "key",
    "provider",
    "assetId",
    "model",
    "startedAt",
    "jobs",
    "submittedAt",
    "submissionId"
})
@JsonInclude(JsonInclude.Include.NON_NULL)
record JournalJson(
        int formatVersion,
        String state,
        String key,
        String provider,
        String assetId,
        String model,
        String startedAt,
        List<JobJson> jobs,
        String submittedAt,
        String submissionId) {

    static final int FORMAT_VERSION = 1;

    /** A provider job reference. */
    @JsonPropertyOrder({"provider", "kind", "id"})
    record JobJson(String provider, String kind, String id) {}
}
