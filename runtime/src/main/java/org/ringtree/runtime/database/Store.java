package org.ringtree.runtime.database;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one class of a feature that holds SQL for its tables: it alone inserts, updates,
 * deletes and locks the tables it {@link #owns}, and other features ask it rather than writing
 * them. It may SELECT (join, count) other features' tables that it names in {@link #reads}, as read
 * models for display do. Only stores may use JDBC (ArchitectureTest), and TableOwnershipTest reads
 * each store's SQL to prove both lists are true and every table has exactly one owner.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Store {

  /** The tables this store writes and locks; no other class does. */
  String[] owns() default {};

  /** Other stores' tables this one only reads. */
  String[] reads() default {};
}
