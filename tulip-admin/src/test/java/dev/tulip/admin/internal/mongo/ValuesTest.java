package dev.tulip.admin.internal.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.admin.spi.Field;
import dev.tulip.admin.spi.FieldType;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Date;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void anIntegerKeepsItsStoredWidth() {
        Field n = Field.of("n", FieldType.INTEGER);
        assertThat(Values.stored(n, "int", 5L)).isEqualTo(5);
        assertThat(Values.stored(n, "long", 5L)).isEqualTo(5L);
        assertThat(Values.stored(n, "int", 5_000_000_000L)).isEqualTo(5_000_000_000L);
    }

    @Test
    void aValueOfAnotherTypeThanItsFieldsIsShownAsText() {
        assertThat(Values.canonical(Field.of("n", FieldType.INTEGER), "seven")).isEqualTo("seven");
        assertThat(Values.canonical(Field.of("s", FieldType.TEXT), 7)).isEqualTo("7");
        assertThat(Values.canonical(Field.of("f", FieldType.FLOAT), 7)).isEqualTo(7.0);
    }

    @Test
    void datesAreUtcAndNestedDatesStayDates() {
        Object t = Values.canonical(Field.of("t", FieldType.TIMESTAMPTZ), new Date(1000));
        assertThat(t).isEqualTo(OffsetDateTime.parse("1970-01-01T00:00:01Z"));
        Document nested = new Document("at", new Date(1000)).append("n", new Decimal128(BigDecimal.ONE));
        Field j = Field.of("j", FieldType.JSON);
        assertThat(Values.stored(j, "", Values.canonical(j, nested))).isEqualTo(nested);
    }

    @Test
    void aMalformedObjectIdIsRefused() {
        assertThatThrownBy(() -> Values.stored(Field.of("o", FieldType.OBJECT_ID), "", "xyz"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("24 hex");
        ObjectId id = new ObjectId();
        assertThat(Values.stored(Field.of("o", FieldType.OBJECT_ID), "", id.toHexString()))
                .isEqualTo(id);
    }

    @Test
    void canonicalTextParsesBack() {
        OffsetDateTime t = OffsetDateTime.parse("2026-01-02T03:04:05.123Z");
        assertThat(Values.parse(FieldType.TIMESTAMPTZ, Values.text(t))).isEqualTo(t);
        assertThat(Values.parse(FieldType.DECIMAL, Values.text(new BigDecimal("1E+3"))))
                .isEqualTo(new BigDecimal("1000"));
        assertThatThrownBy(() -> Values.parse(FieldType.BOOLEAN, "yes")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Values.parse(FieldType.INTEGER, "1.5")).isInstanceOf(IllegalArgumentException.class);
    }
}
