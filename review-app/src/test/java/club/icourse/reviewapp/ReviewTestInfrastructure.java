package club.icourse.reviewapp;

import club.icourse.testsupport.spring.RealInfrastructureInitializer;

class ReviewTestInfrastructure extends RealInfrastructureInitializer {

    ReviewTestInfrastructure() {
        super("review");
    }
}
