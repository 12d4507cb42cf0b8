package org.solarmarket.trading.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem document, with the offending request field and value when one is to blame. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiProblem(String type, String title, int status, String detail, String field, String value) {
}
