package dev.budgetguard.jobs;

import dev.budgetguard.jobs.demo.DemoWorkspace;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Batch side of BudgetGuard: rolls the spool into the lake and runs the nightly books. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class JobsApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(JobsApplication.class);
        if (DemoWorkspace.prepareFor(args)) {
            application.setAdditionalProfiles(DemoWorkspace.PROFILE);
        }
        System.exit(SpringApplication.exit(application.run(args)));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
