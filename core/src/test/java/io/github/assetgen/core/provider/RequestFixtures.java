package io.github.assetgen.core.provider;

import io.github.assetgen.core.request.AssetRequest;
import io.github.assetgen.core.request.AssetType;
import io.github.assetgen.core.request.InputFile;
import io.github.assetgen.core.specfile.Position;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds resolved requests for provider tests, with only what each test sets. */
public final class RequestFixtures {

    private final AssetType type;
    private final String provider;
    private String id = "hero";
    private String model;
    private String prompt = "";
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final List<InputFile> references = new ArrayList<>();
    private InputFile character;
    private InputFile firstFrame;
    private InputFile endFrame;
    private final List<String> outputs = new ArrayList<>();

    private RequestFixtures(String provider, AssetType type, String model) {
        this.provider = provider;
        this.type = type;
        this.model = model;
    }

    public static RequestFixtures image(String provider, String model) {
        return new RequestFixtures(provider, AssetType.IMAGE, model);
    }

    public static RequestFixtures video(String provider, String model) {
        return new RequestFixtures(provider, AssetType.VIDEO, model);
    }

    public RequestFixtures id(String assetId) {
        this.id = assetId;
        return this;
    }

    public RequestFixtures prompt(String text) {
        this.prompt = text;
        return this;
    }

    public RequestFixtures param(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    public RequestFixtures reference(InputFile file) {
        references.add(file);
        return this;
    }

    public RequestFixtures character(InputFile file) {
        this.character = file;
        return this;
    }

    public RequestFixtures firstFrame(InputFile file) {
        this.firstFrame = file;
        return this;
    }

    public RequestFixtures endFrame(InputFile file) {
        this.endFrame = file;
        return this;
    }

    public RequestFixtures outputs(String... files) {
        outputs.addAll(List.of(files));
        return this;
    }

    public AssetRequest build() {
        List<String> files = outputs.isEmpty() ? List.of("out." + type.defaultExtension()) : outputs;
        return new AssetRequest(
                id,
                provider,
                type,
                model,
                prompt,
                parameters,
                references,
                character,
                firstFrame,
                endFrame,
                null,
                files,
                new Position("src/main/assets/site.yaml", 3, 5));
    }
}
