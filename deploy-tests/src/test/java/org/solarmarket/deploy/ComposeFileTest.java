package org.solarmarket.deploy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComposeFileTest {

    @Test
    void composeMatchesServices() {
        Repository repository = Repository.current();
        List<Yaml.Document> documents = Yaml.load(repository.root(), repository.root().resolve("docker-compose.yml"));
        ComposeCheck.check(Project.of(repository), documents.get(0)).assertNone("docker-compose.yml");
    }
}
