package org.solarmarket.forecast.physics;

/**
 * An input value outside the range a model accepts. It carries the field name and the rejected value,
 * so that the HTTP layer can return a problem document that names them.
 */
public class InvalidInputException extends IllegalArgumentException {

    private final String field;
    private final String value;

    public InvalidInputException(String field, Object value, String rule) {
        super(field + " = " + value + " is invalid: " + rule);
        this.field = field;
        this.value = String.valueOf(value);
    }

    /** Returns the snake_case name of the rejected field, as the request or JSON spells it. */
    public String field() {
        return field;
    }

    /** Returns the rejected value as text. */
    public String value() {
        return value;
    }

    /** Rejects a value that is NaN, infinite or outside [min, max]. */
    public static double requireInRange(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new InvalidInputException(field, value, "must be a finite number in [" + min + ", " + max + "]");
        }
        return value;
    }
}
