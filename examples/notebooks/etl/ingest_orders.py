# Databricks notebook source
# MAGIC %md
# MAGIC # Ingest orders
# MAGIC Loads one day of raw orders from the landing zone (RA-GRS storage, same endpoint in both
# MAGIC regions) into `bronze.orders`, registered in the external Hive metastore.

# COMMAND ----------

dbutils.widgets.text("run_date", "")
run_date = dbutils.widgets.get("run_date")
source = f"abfss://landing@stsalesdata.dfs.core.windows.net/orders/date={run_date}/"

# COMMAND ----------

orders = spark.read.format("json").load(source)
(
    orders.write.format("delta")
    .mode("overwrite")
    .option("replaceWhere", f"order_date = '{run_date}'")
    .saveAsTable("bronze.orders")
)
print(f"ingested {orders.count()} orders for {run_date}")
