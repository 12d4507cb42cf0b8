package org.solarmarket.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class DockerfilesTest {

    @TestFactory
    Stream<DynamicTest> dockerfileMatchesService() {
        Repository repository = Repository.current();
        return repository.services().values().stream().map(config -> dynamicTest(config.module(), () -> {
            Path file = repository.root().resolve(config.module()).resolve(DockerfileCheck.PATH);
            assertTrue(Files.isRegularFile(file), "missing " + repository.relative(file));
            String pom = Repository.read(repository.root().resolve(config.module()).resolve("pom.xml"));
            DockerfileCheck.check(config, repository.relative(file), Repository.read(file), pom)
                    .assertNone(repository.relative(file));
        }));
    }
}
