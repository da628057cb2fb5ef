package io.github.assetgen.core.provider.http;

/**
 * A billable POST with a JSON body for one asset. It is sent once and never repeated by the
 * caller (see {@link CallKind#CREATE}); each provider's create endpoints supply only their path,
 * body, description and answer parsing.
 */
public interface CreateEndpoint<T> extends Endpoint<T> {

    /** The JSON body: a Jackson node or a wire record. */
    Object json();

    @Override
    default String method() {
        return "POST";
    }

    @Override
    default HttpBody body() {
        return HttpBody.json(json());
    }

    @Override
    default CallKind kind() {
        return CallKind.CREATE;
    }
}
