package dev.budgetguard.jobs.lake;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LakeConfiguration {

    @Bean
    HadoopLake hadoopLake(LakeProperties properties) {
        return HadoopLake.open(properties);
    }
}
