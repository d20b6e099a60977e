// Databricks notebook source
// MAGIC %md
// MAGIC # Transform sales
// MAGIC Cleans `bronze.orders` and builds the `silver.sales` fact table.

// COMMAND ----------

import org.apache.spark.sql.functions._

val orders = spark.table("bronze.orders")
val sales = orders
  .filter(col("status") =!= "cancelled")
  .withColumn("revenue", col("quantity") * col("unit_price"))
  .select("order_id", "order_date", "store_id", "product_id", "quantity", "revenue")

// COMMAND ----------

sales.write.format("delta").mode("overwrite").saveAsTable("silver.sales")
