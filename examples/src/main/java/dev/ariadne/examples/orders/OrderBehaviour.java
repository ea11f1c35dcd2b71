package dev.ariadne.examples.orders;

import java.util.SplittableRandom;

/**
 * What happens to one order, drawn from the seed and the order number alone, so every service
 * draws the same outcome for the same order whatever the timing or the thread.
 *
 * <p>From the seed system: the payment gateway declines about 5% of payments, inventory is short
 * for about 10% of orders, and the order database save takes 0.1 to 3.5 s and times out after 3 s
 * (about 14% of saves).
 */
record OrderBehaviour(boolean paymentDeclined, boolean outOfStock, long dbSaveMillis, long gatewayMillis,
    long stepMillis) {
  static final long DB_TIMEOUT_MILLIS = 3000;

  static OrderBehaviour of(long seed, int orderNumber) {
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + orderNumber);
    boolean declined = random.nextDouble() < 0.05;
    boolean outOfStock = random.nextDouble() < 0.10;
    long dbSave = 100 + random.nextLong(3401);
    long gateway = 80 + random.nextLong(170);
    long step = 5 + random.nextLong(20);
    return new OrderBehaviour(declined, outOfStock, dbSave, gateway, step);
  }

  boolean dbTimesOut() {
    return dbSaveMillis > DB_TIMEOUT_MILLIS;
  }
}
