module dev.tulip.admin {
    exports dev.tulip.admin;
    exports dev.tulip.admin.spi;

    requires transitive dev.tulip;
    requires static dev.tulip.pg;
    requires static dev.tulip.mongo;
    requires tools.jackson.databind;
    requires gg.jte.runtime;
    requires org.bouncycastle.provider;
    requires org.slf4j;
    requires static java.compiler; // @Generated on the compiled templates
}
