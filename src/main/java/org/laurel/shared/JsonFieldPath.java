package org.laurel.shared;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.databind.DatabindException;

/** The JSON path of the field that could not be read, e.g. {@code links[1].share}. */
final class JsonFieldPath {
  private JsonFieldPath() {}

  static String of(HttpMessageNotReadableException ex) {
    Throwable cause = ex.getCause();
    while (cause != null && !(cause instanceof DatabindException)) {
      cause = cause.getCause();
    }
    if (cause instanceof DatabindException de) {
      StringBuilder sb = new StringBuilder();
      for (var ref : de.getPath()) {
        if (ref.getPropertyName() != null) {
          if (!sb.isEmpty()) {
            sb.append('.');
          }
          sb.append(ref.getPropertyName());
        } else if (ref.getIndex() >= 0) {
          sb.append('[').append(ref.getIndex()).append(']');
        }
      }
      return sb.toString();
    }
    return "";
  }
}
